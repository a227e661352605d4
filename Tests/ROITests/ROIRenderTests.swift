import Results
import Testing
@testable import ROI

@Suite("ROI CSV")
struct ROIRenderTests {
    @Test("a cell holding CRLF (one Character) is quoted, as are commas, quotes and lone line breaks")
    func quotesLineBreaks() {
        let section = ROISection(
            id: "notes", title: "Notes", text: ["first\r\nsecond", "plain"],
            table: ReportTable(headings: ["item", "value"], rows: [["cost", "say \"hi\", then\rstop"]])
        )
        #expect(ROIRender.csv([section]) == """
        section,row,column,value
        notes,1,text,"first\r\nsecond"
        notes,2,text,plain
        notes,cost,value,"say ""hi"", then\rstop"

        """)
    }
}
