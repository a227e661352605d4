extension LoadSpec {
    /// The most repeats of a level a scenario (or `repat run --repeat`) may ask for.
    public static let maxRepeats = 1000

    /// Why a saturation search cannot repeat its levels: each rate it tries is picked from the
    /// verdict of the one before, so there is no fixed level to run again.
    public static let saturationRepeatProblem =
        "a saturation search picks each rate from the last verdict, so its levels cannot be repeated; give fixed rates (rate: [...]) to repeat them"
}
