import Testing
@testable import Results

@Suite("tornado chart layout")
struct SVGTornadoChartTests {
    /// The bars of a real report: long names, value texts on both sides, one row with both ends
    /// on the same side of the base.
    private let chart = SVGTornadoChart(
        title: "What moves the saving per 1M tokens", valueTitle: "saving per 1M tokens (EUR)", base: 0.12,
        bars: [
            SVGTornadoChart.Bar(label: "GPU price", lowText: "25,000 USD", highText: "40,000 USD", low: 0.26, high: -0.03),
            SVGTornadoChart.Bar(label: "utilisation", lowText: "15.0%", highText: "45.0%", low: -0.61, high: 0.36),
            SVGTornadoChart.Bar(label: "API price (mistral/mistral-large-latest)", lowText: "×0.50", highText: "×1.50", low: -0.9, high: 1.1),
            SVGTornadoChart.Bar(label: "measured throughput", lowText: "4,320.0 tok/s", highText: "5,280.0 tok/s", low: 0.05, high: 0.18),
            SVGTornadoChart.Bar(label: "cache-hit share", lowText: "0.0%", highText: "50.0%", low: 0.12, high: 0.02),
            SVGTornadoChart.Bar(label: "amortisation", lowText: "3 years", highText: "6 years", low: 0.3, high: 0.2),
        ]
    )

    @Test("no two text boxes overlap and every one lies inside the canvas")
    func noOverlap() {
        let layout = chart.layout()
        let texts = layout.texts
        for (i, a) in texts.enumerated() {
            #expect(a.left >= 0 && a.right <= chart.width, "\(a.content) runs off the canvas: \(a.left)…\(a.right)")
            for b in texts[(i + 1)...] {
                #expect(!a.overlaps(b), "\(a.content) overlaps \(b.content)")
            }
        }
    }

    @Test("value texts stay inside the plot, right of the name column")
    func valuesInsidePlot() {
        let layout = chart.layout()
        let names = layout.labels.map(\.right).max() ?? 0
        for bar in layout.bars {
            #expect(bar.text.left >= layout.plotLeft && bar.text.right <= layout.plotLeft + layout.plotWidth, "\(bar.text.content)")
            #expect(bar.text.left > names)
        }
    }

    @Test("a row with both ends above the base is split into a low half and a high half")
    func splitRow() {
        let layout = chart.layout()
        let amortisation = layout.bars.suffix(2)
        let low = amortisation.first!
        let high = amortisation.last!
        #expect(low.height == high.height && high.y == low.y + low.height)
    }

    @Test("the chart draws a zero line and a base line, and cuts a very long name")
    func zeroLine() {
        let svg = chart.render()
        #expect(svg.contains("zero: no saving"))
        #expect(svg.contains("stroke=\"#c0392b\""))
        #expect(svg.contains("API price (mistral/mistral-large-latest)"))
        let narrow = SVGTornadoChart(title: "t", valueTitle: "v", base: 0, bars: [chart.bars[2]], width: 300)
        #expect(narrow.layout().labels[0].content.hasSuffix("…"))
    }
}
