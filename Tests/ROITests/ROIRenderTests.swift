import Foundation
import Testing
@testable import ROI

@Suite("ROI CSV and JSON")
struct ROIRenderTests {
    @Test("a cell holding CRLF (one Character) is quoted, as are commas, quotes and lone line breaks")
    func quotesLineBreaks() {
        let table = ROIDataTable(id: "notes", columns: ["note", "value_eur"], rows: [[.text("first\r\nsecond"), .number(1.5)], [.text("say \"hi\", then\rstop"), .number(nil)]])
        #expect(ROIData.csv([table]) == """
        table,row,column,value
        notes,"first\r\nsecond",value_eur,1.5
        notes,"say ""hi"", then\rstop",value_eur,

        """)
    }

    @Test("rows whose first cells repeat are numbered; JSON writes numbers as numbers and null for none")
    func numberedAndJSON() {
        let table = ROIDataTable(id: "tco", columns: ["option", "horizon_years", "tco_eur"], rows: [[.text("buy"), .number(1), .number(2.5)], [.text("buy"), .number(3), .number(nil)]])
        #expect(ROIData.csv([table]) == "table,row,column,value\ntco,1,option,buy\ntco,1,horizon_years,1.0\ntco,1,tco_eur,2.5\ntco,2,option,buy\ntco,2,horizon_years,3.0\ntco,2,tco_eur,\n")
        #expect(ROIData.json([table], currency: .eur) == """
        {
          "currency": "EUR",
          "tco": [
            {"option": "buy", "horizon_years": 1.0, "tco_eur": 2.5},
            {"option": "buy", "horizon_years": 3.0, "tco_eur": null}
          ]
        }

        """)
    }
}
