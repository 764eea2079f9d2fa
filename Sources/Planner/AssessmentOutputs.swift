import Foundation
import Coverage

extension Study {
    /// The same study with `bases` as its existing network (first among the
    /// candidates, in their order), e.g. the bases `assess --bases` names.
    /// The layers, grid and reach models are kept; a candidate with a base's
    /// id is that base.
    public func assessing(_ bases: [Site]) -> Study {
        let ids = Set(bases.map(\.id))
        return Study(
            scenario: scenario, grid: grid, population: population, regions: regions, existing: bases,
            candidates: bases + candidates.filter { !ids.contains($0.id) }, model: model, builder: builder,
            stationedModels: stationedModels, notes: notes, zoneFlyable: zoneFlyable, evaluationFrame: evaluationFrame)
    }
}

extension PlanRun {
    /// An assessment in the shape of a plan, so that `assess --output` draws
    /// it with plan's own code (`PlanOutputs.maps`): the assessed bases are
    /// the existing network, no siting model ran (no LSCP, no MCLP, no
    /// demand groups), and the range limits are those of the bases' aircraft.
    public init(assessment: Assessment) throws {
        let study = assessment.study.assessing(assessment.bases)
        self.init(
            study: study,
            standards: try assessment.standards.map { s in
                StandardResult(
                    minutes: s.minutes, existing: s.evaluation, resilience: s.resilience, response: s.response,
                    served: s.served, cellsServed: s.cellsServed, groups: 0, lscp: nil, mclp: [],
                    rangeLimits: try RangeLimit.of(study, sites: assessment.bases, minutes: s.minutes))
            })
    }
}
