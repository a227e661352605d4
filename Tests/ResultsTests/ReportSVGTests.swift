import Foundation
@testable import Results
import Testing

@Suite("SVG charts")
struct ReportSVGTests {
    @Test("a linear scale widens the data range to round 1-2-5 ticks")
    func linearScale() {
        let scale = SVGScale(covering: [3, 87])
        #expect(scale.lower == 0)
        #expect(scale.upper == 100)
        #expect(scale.ticks == [0, 20, 40, 60, 80, 100])
        #expect(scale.fraction(50) == 0.5)
        #expect(scale.fraction(500) == 1, "values beyond the axis are clamped")
        #expect(SVGScale(covering: [40, 60], includeZero: true).lower == 0)
    }

    @Test("a logarithmic scale spans whole decades and ticks at powers of ten")
    func logScale() {
        let scale = SVGScale(covering: [12, 3400], logarithmic: true)
        #expect(scale.lower == 10)
        #expect(scale.upper == 10_000)
        #expect(scale.ticks == [10, 100, 1000, 10_000])
        #expect(abs(scale.fraction(100) - 1.0 / 3) < 1e-9)
        #expect(SVGScale(covering: [0, -1], logarithmic: true).logarithmic == false, "no positive value: linear")
    }

    @Test("a line chart draws each point where its axes put it, with tick labels and axis titles")
    func linePositions() {
        let chart = SVGLineChart(
            title: "Demo",
            x: SVGAxis(title: "tokens/s", scale: SVGScale(covering: [0, 100])),
            y: SVGAxis(title: "latency (ms)", scale: SVGScale(covering: [0, 10])),
            series: [SVGSeries(name: "a", colour: "#4e79a7", points: [SVGPoint(x: 0, y: 0), SVGPoint(x: 50, y: 5), SVGPoint(x: 100, y: 10)], pointLabels: ["c1", "c2", "c4"], markers: true)]
        )
        let left = SVGLineChart.plotLeft
        let top = SVGLineChart.plotTop
        #expect(chart.position(SVGPoint(x: 50, y: 5)) == (left + chart.plotWidth / 2, top + chart.plotHeight / 2))
        let svg = chart.render()
        let expected = [SVGPoint(x: 0, y: 0), SVGPoint(x: 50, y: 5), SVGPoint(x: 100, y: 10)].map { point in
            let pixel = chart.position(point)
            return SVGNumber.coordinate(pixel.x) + "," + SVGNumber.coordinate(pixel.y)
        }.joined(separator: " ")
        #expect(expected == "70,314 323,174 576,34")
        #expect(svg.contains("points=\"\(expected)\""))
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 3)
        for text in [">0<", ">20<", ">100<", ">10<", ">tokens/s<", ">latency (ms)<", ">Demo<", ">c2<"] {
            #expect(svg.contains(text), "missing \(text)")
        }
        #expect(!svg.contains("http"), "no xmlns or other URL inside the SVG")
    }

    @Test("series names, titles and point labels are escaped in the SVG")
    func escaping() {
        let name = "<a & \"b\">"
        let chart = SVGLineChart(
            title: "t<1>", x: SVGAxis(title: "x&y", scale: SVGScale(covering: [0, 1])), y: SVGAxis(title: "y", scale: SVGScale(covering: [0, 1])),
            series: [SVGSeries(name: name, colour: "#000", points: [SVGPoint(x: 0, y: 0)], pointLabels: ["<c1>"], markers: true)]
        )
        let svg = chart.render()
        #expect(!svg.contains(name))
        #expect(!svg.contains("<c1>"))
        #expect(svg.contains("&lt;a &amp; &quot;b&quot;&gt;"))
        #expect(svg.contains(">t&lt;1&gt;<"))
        #expect(svg.contains(">x&amp;y<"))
        #expect(SVGEscape.text("a'b\u{1}c") == "a&#39;bc")
    }

    @Test("a bar chart stacks blocks per category, prints totals and whole-number ticks")
    func bars() {
        let chart = SVGBarChart(title: "Errors", valueTitle: "requests", categories: ["t c1", "t c4"], stacks: [
            SVGBarChart.Stack(name: "http_5xx", colour: "#e15759", values: [0, 2]),
            SVGBarChart.Stack(name: "http_429", colour: "#edc948", values: [1, 1]),
        ])
        #expect(chart.valueScale.ticks == [0, 1, 2, 3, 4])
        let svg = chart.render()
        #expect(svg.components(separatedBy: "fill=\"#e15759\"").count - 1 == 2, "one block plus its legend swatch")
        #expect(svg.components(separatedBy: "fill=\"#edc948\"").count - 1 == 3, "two blocks plus the swatch")
        #expect(svg.components(separatedBy: "class=\"bar-total\"").count - 1 == 2, "one total per bar")
        #expect(svg.contains(">t c4<"))
    }

    @Test("numbers print without locale, trailing zeros or negative zero")
    func numbers() {
        #expect(SVGNumber.label(2.50) == "2.5")
        #expect(SVGNumber.label(1200) == "1200")
        #expect(SVGNumber.label(-0.001) == "0")
        #expect(SVGNumber.label(nil) == "-")
        #expect(SVGNumber.fixed(12.346, decimals: 2) == "12.35")
        #expect(SVGNumber.fixed(-0.5, decimals: 0) == "-1")
        #expect(SVGNumber.fixed(0.05, decimals: 2) == "0.05")
    }
}
