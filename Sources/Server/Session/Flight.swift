import Isochrones

/// Who flies a request, and when: an aircraft type (the scenario's own or
/// one of its catalog's, `AircraftTypes`) by day or night. Every study,
/// coverage and solve of the server is for one flight; the scenario's own
/// is built at start, any other on first use and kept.
struct Flight: Hashable, Sendable {
    let aircraft: Aircraft
    let night: Bool

    func hash(into hasher: inout Hasher) {
        hasher.combine(aircraft.name)
        hasher.combine(night)
    }

    static func == (a: Flight, b: Flight) -> Bool { a.night == b.night && a.aircraft == b.aircraft }
}

/// Which coverage a solve or grid estimate runs on: a standard and a flight.
struct SitingKey: Hashable, Sendable {
    let minutes: Double
    let flight: Flight
}
