import Foundation

/// A map's legend, filled in by the drawing as it draws: an entry is added
/// only for something drawn, with that thing's own style, so the legend
/// shows exactly the colours on the map and nothing else.
struct MapLegend {
    enum Swatch {
        /// A filled area with these attributes (`MapSymbol`).
        case area(String)
        /// A line with these attributes.
        case line(String)
        /// A marker drawn by this function at a point.
        case marker((Double, Double) -> String)
    }

    private(set) var sections: [(title: String, entries: [(swatch: Swatch, label: String)])] = []

    /// Adds an entry under `section`, once per label.
    mutating func add(_ section: String, _ swatch: Swatch, _ label: String) {
        if let s = sections.firstIndex(where: { $0.title == section }) {
            guard !sections[s].entries.contains(where: { $0.label == label }) else { return }
            sections[s].entries.append((swatch, label))
        } else {
            sections.append((section, [(swatch, label)]))
        }
    }

    /// The legend's SVG from (x0, y), returning the elements and the next free y.
    func svg(x x0: Double, y start: Double) -> (elements: [String], y: Double) {
        let f = PlanMap.fmt
        var out: [String] = [], y = start
        for section in sections {
            out.append("<text x=\"\(f(x0))\" y=\"\(f(y))\" font-weight=\"bold\" fill=\"#222222\">\(PlanMap.xml(section.title))</text>")
            y += 6
            for entry in section.entries {
                y += 20
                switch entry.swatch {
                case .area(let style): out.append("<rect x=\"\(f(x0))\" y=\"\(f(y - 12))\" width=\"18\" height=\"14\" \(style)/>")
                case .line(let style): out.append("<path d=\"M\(f(x0)) \(f(y - 5))L\(f(x0 + 18)) \(f(y - 5))\" \(style)/>")
                case .marker(let draw): out.append(draw(x0 + 9, y - 5))
                }
                out.append("<text x=\"\(f(x0 + 26))\" y=\"\(f(y))\" fill=\"#222222\">\(PlanMap.xml(entry.label))</text>")
            }
            y += 28
        }
        return (out, y)
    }
}
