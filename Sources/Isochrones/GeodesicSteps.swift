import GeoCore

extension Geodesic {
    /// The point `distance` metres from `start` along the geodesic leaving at
    /// `azimuth` (degrees), and the geodesic's forward azimuth there.
    func positionAndAzimuth(from start: LonLat, azimuth: Double, distance: Double) -> (position: LonLat, azimuth: Double) {
        let step = direct(from: start, azimuthDegrees: azimuth, distanceMetres: distance)
        return (step.destination, step.azimuth2)
    }
}
