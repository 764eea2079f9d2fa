import Foundation

/// The look of everything a map draws, as SVG attributes and elements. The
/// drawing and the legend both take their styles and markers from here, so
/// a legend swatch is exactly what it stands for.
enum MapSymbol {
    /// A zone filled with its coverage class's colour, outlined.
    static func zone(_ colour: String) -> String {
        "fill=\"\(colour)\" stroke=\"\(MapStyle.zoneOutline)\" stroke-width=\"0.6\""
    }

    /// A zone's part out of reach: hatched in `MapStyle.uncovered` over white
    /// (the pattern `hatchPattern(id:)` defines), so it stands apart from the
    /// covered part's fill whatever the class colour.
    static func uncovered(patternID: String) -> String {
        "fill=\"url(#\(patternID))\" stroke=\"\(MapStyle.uncovered)\" stroke-width=\"0.8\""
    }

    static func hatchPattern(id: String) -> String {
        "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
            + "<rect x=\"0\" y=\"0\" width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(MapStyle.uncovered)\" stroke-width=\"2.5\"/></pattern>"
    }

    /// A network's reach at a standard: solid for the tightest, dashed for the others.
    static func reach(_ colour: String, dashed: Bool) -> String {
        "fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-dasharray=\"\(dashed ? "6 3" : "none")\""
    }

    /// The study area: the union of the zones, outlined.
    static let studyArea = "fill=\"none\" stroke=\"\(MapStyle.studyArea)\" stroke-width=\"1.4\""

    /// Context boundaries (land, provinces), dimmed.
    static let context = "fill=\"none\" stroke=\"\(MapStyle.context)\" stroke-width=\"0.7\""

    /// An existing base: a circle.
    static func existingBase(x: Double, y: Double, title: String? = nil) -> String {
        "<circle cx=\"\(PlanMap.fmt(x))\" cy=\"\(PlanMap.fmt(y))\" r=\"4.5\" fill=\"\(MapStyle.existingBase)\" stroke=\"#ffffff\" stroke-width=\"1\">"
            + (title.map { "<title>\(PlanMap.xml($0))</title>" } ?? "") + "</circle>"
    }

    /// A proposed base: a diamond.
    static func proposedBase(x: Double, y: Double, title: String? = nil) -> String {
        let f = PlanMap.fmt
        return
            "<path d=\"M\(f(x)) \(f(y - 6))L\(f(x + 6)) \(f(y))L\(f(x)) \(f(y + 6))L\(f(x - 6)) \(f(y))Z\" fill=\"\(MapStyle.chosenBase)\" stroke=\"#ffffff\" stroke-width=\"1\">"
            + (title.map { "<title>\(PlanMap.xml($0))</title>" } ?? "") + "</path>"
    }

    /// A base's label.
    static func label(_ text: String, x: Double, y: Double) -> String {
        "<text x=\"\(PlanMap.fmt(x + 7))\" y=\"\(PlanMap.fmt(y - 5))\" fill=\"#222222\">\(PlanMap.xml(text))</text>"
    }
}
