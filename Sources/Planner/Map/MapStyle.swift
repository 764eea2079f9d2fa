/// Colours shared by every map aircover draws (map.svg, the report's map and
/// plan.geojson's simplestyle properties). The SVG legend reads its swatches
/// from these same constants, so a legend colour is always one drawn.
public enum MapStyle {
    /// Shorter thresholds darker: a sequential blue ramp (ColorBrewer "Blues").
    public static func thresholdColour(rank: Int, of count: Int) -> String {
        let ramp = ["#08519c", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef"]
        guard count > 1 else { return ramp[0] }
        let position = Double(rank) / Double(count - 1) * Double(ramp.count - 1)
        return ramp[min(ramp.count - 1, Int(position.rounded()))]
    }

    /// Parts of a zone out of reach at a standard.
    public static let uncovered = "#67000d"
    /// An existing base's marker.
    public static let existingBase = "#d94801"
    /// A proposed (chosen) base's marker.
    public static let chosenBase = "#2171b5"
    /// Zone outlines.
    public static let zoneOutline = "#444444"
    /// The study area's outline (the union of the zones' extent).
    public static let studyArea = "#252525"
    /// Land and province boundaries drawn as dimmed context.
    public static let context = "#bdbdbd"
    /// Map background (sea or no data).
    public static let background = "#f7fbff"
}
