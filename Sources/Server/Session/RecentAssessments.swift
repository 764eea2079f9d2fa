import Foundation
import Planner

/// The assessments of the session's most recent plans, each computed once:
/// the page asks `/api/assess` (the figures) and `/api/layers` (the map) for
/// the same plan at once, and both answer from one assessment. The first
/// request for a plan starts its computation; a request for the same plan
/// meanwhile waits for that one (without holding a thread). A computation
/// that fails is not kept, so a later request tries again.
///
/// A plan is its bases (id, name, position, stationed type, in order), one
/// standard and one flight. Bounded: the `capacity` (default 8) most
/// recently asked plans.
final class RecentAssessments: @unchecked Sendable {
    struct Base: Hashable, Sendable {
        let id: String
        let name: String
        let lon: Double
        let lat: Double
        let aircraft: String?
    }

    struct Plan: Hashable, Sendable {
        let bases: [Base]
        let minutes: Double
        let flight: Flight
    }

    static let defaultCapacity = 8

    private let lock = NSLock()
    private var plans: BoundedCache<Plan, Task<Assessment, any Error>>

    init(capacity: Int = RecentAssessments.defaultCapacity) {
        plans = BoundedCache(capacity: capacity)
    }

    /// The plan of `bases` at `minutes` flown by `flight`.
    static func plan(bases: [Site], minutes: Double, flight: Flight) -> Plan {
        Plan(
            bases: bases.map { Base(id: $0.id, name: $0.name, lon: $0.position.lon, lat: $0.position.lat, aircraft: $0.aircraft) },
            minutes: minutes, flight: flight)
    }

    /// The assessment of `plan`: the one being computed or kept, else
    /// `compute`'s, started now.
    func assessment(of plan: Plan, compute: @escaping @Sendable () async throws -> Assessment) async throws -> Assessment {
        let task = lock.withLock {
            if let running = plans.value(plan) { return running }
            let task = Task { try await compute() }
            plans.store(task, for: plan)
            return task
        }
        do {
            return try await task.value
        } catch {
            lock.withLock {
                if plans.value(plan) == task { plans.remove(plan) }
            }
            throw error
        }
    }
}
