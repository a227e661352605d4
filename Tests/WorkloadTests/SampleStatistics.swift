/// Mean, standard deviation and coefficient of variation of a sample, for the statistical tests.
///
/// Tolerances in those tests are a multiple of the *standard error* of the estimate, computed from
/// the distribution's moments, so they are wide enough never to flake with the fixed seeds used and
/// tight enough that a wrong formula (a wrong scale, a missing boost) falls far outside them.
struct SampleStatistics {
    /// Number of values.
    let count: Int
    /// Arithmetic mean.
    let mean: Double
    /// Unbiased sample variance.
    let variance: Double

    init(_ values: some Collection<Double>) {
        count = values.count
        mean = values.reduce(0, +) / Double(values.count)
        let mean = mean
        variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    init(_ values: some Collection<Int>) {
        self.init(values.map(Double.init))
    }

    /// Sample standard deviation.
    var standardDeviation: Double { variance.squareRoot() }

    /// Standard deviation over mean.
    var coefficientOfVariation: Double { standardDeviation / mean }

    /// Standard error of the mean for a distribution with this standard deviation.
    func standardErrorOfMean(sd: Double) -> Double {
        sd / Double(count).squareRoot()
    }

    /// Standard error of the sample variance for a distribution with variance `sigma²` and fourth
    /// central moment `mu4`: √((μ₄ − σ⁴) / n).
    func standardErrorOfVariance(variance sigmaSquared: Double, fourthCentralMoment mu4: Double) -> Double {
        ((mu4 - sigmaSquared * sigmaSquared) / Double(count)).squareRoot()
    }
}
