import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The colours a map's SVG paints, read with an XML parser: for each group
/// of a class (e.g. `drawing`, `legend`), the `fill` and `stroke` colours of
/// its shapes, inherited from enclosing groups, with a `url(#pattern)` fill
/// standing for the colours the pattern paints. Text is left out (labels
/// are not symbols), and so is `none`.
final class SVGColours: NSObject, XMLParserDelegate {
    private(set) var byClass: [String: Set<String>] = [:]
    /// Opacity attributes met inside the classed groups (they would change a colour as seen).
    private(set) var opacities: [String] = []
    private var patterns: [String: Set<String>] = [:]
    private var pending: [(className: String, url: String)] = []
    private var stack: [(classes: [String], fill: String?, stroke: String?, pattern: String?)] = []

    static func read(_ data: Data) -> SVGColours? {
        let colours = SVGColours()
        let parser = XMLParser(data: data)
        parser.delegate = colours
        guard parser.parse() else { return nil }
        for (className, url) in colours.pending { colours.byClass[className, default: []].formUnion(colours.patterns[url] ?? ["missing pattern \(url)"]) }
        return colours
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let parent = stack.last
        var classes = parent?.classes ?? []
        if let c = attributes["class"] { classes += c.split(separator: " ").map(String.init) }
        let fill = attributes["fill"] ?? parent?.fill, stroke = attributes["stroke"] ?? parent?.stroke
        let pattern = name == "pattern" ? attributes["id"] : parent?.pattern
        stack.append((classes, fill, stroke, pattern))
        if !classes.isEmpty, attributes.keys.contains(where: { $0.hasSuffix("opacity") }) { opacities.append("\(name) \(attributes)") }
        guard ["path", "rect", "circle", "line", "polygon", "polyline", "ellipse"].contains(name) else { return }
        // A line has no inside to fill; any other shape without a fill is filled black.
        let filled = name == "line" ? nil : (fill ?? "#000000")
        let painted = [filled, stroke].compactMap { $0 }.filter { $0 != "none" }
        if let pattern {
            patterns[pattern, default: []].formUnion(painted)
            return
        }
        for className in classes {
            for colour in painted {
                if colour.hasPrefix("url(#") {
                    pending.append((className, String(colour.dropFirst(5).dropLast())))
                } else {
                    byClass[className, default: []].insert(colour.lowercased())
                }
            }
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}
