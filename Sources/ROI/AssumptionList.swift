import RepatSupport

/// The "assumptions to check" rows and the warnings about dates and measurements, built once from
/// the price book, the hardware and the operating point. Pure: today's date is given.
enum AssumptionList {
    /// Settings figures that are typical values rather than facts about the user's site.
    static let checkedKeys = [
        "staff_per_month", "hosting_per_kw_month", "hosting_per_server_month", "support_share_per_year", "licences_per_month", "setup_cost",
        "electricity_per_kwh", "pue", "amortisation_years", "residual_value", "discount_rate", "spare_servers",
        "api_price_decline_per_year", "volume_growth_per_year", "electricity_price_change_per_year",
    ]

    /// Rows for the hardware prices and power, the exchange rate, the traffic profile and every
    /// checked settings figure.
    static func rows(book: PriceBook, hardware: HardwareProfile, onPrem: OnPremInputs, traffic: TrafficProfile?, trafficSource: String? = nil) throws(ROIError) -> [Assumption] {
        let settings = book.settings
        let currency = settings.currency
        let ownHardware = settings.overridden.contains("hardware:" + hardware.id)
        var rows: [Assumption] = []
        if let price = hardware.price, let source = hardware.priceSource {
            rows.append(Assumption(
                name: "price per \(hardware.unit) (\(hardware.name))", value: "\(price.text) → \(ROIFormat.money(onPrem.unitPrice, currency))",
                source: source.source, date: source.read, overridden: ownHardware
            ))
        }
        if let server = hardware.serverPrice, let source = hardware.serverPriceSource {
            rows.append(Assumption(
                name: "rest of one server (chassis, CPUs, RAM, NICs, storage)", value: "\(server.text) → \(ROIFormat.money(onPrem.serverPrice, currency))",
                source: source.source, date: source.read, overridden: ownHardware
            ))
        } else if hardware.unit == "GPU" {
            rows.append(Assumption(
                name: "rest of one server (chassis, CPUs, RAM, NICs, storage)", value: "not priced", source: "no sourced figure: set server_price under hardware: in --config",
                date: "", overridden: false
            ))
        }
        if let watts = hardware.serverWatts {
            rows.append(Assumption(
                name: "power of the rest of one server", value: "\(ROIFormat.number(watts.value, decimals: 0)) W", source: watts.source, date: watts.read, overridden: ownHardware
            ))
        } else if hardware.unit == "GPU" {
            rows.append(Assumption(
                name: "power of the rest of one server", value: "not counted", source: "no sourced figure: set server_w under hardware: in --config", date: "", overridden: false
            ))
        }
        rows.append(Assumption(
            name: "exchange rate", value: "1 EUR = \(settings.exchange.usdPerEUR) USD", source: settings.exchange.source, date: settings.exchange.date,
            overridden: settings.overridden.contains("exchange_rate")
        ))
        let profile = traffic ?? .flat
        rows.append(Assumption(
            name: "traffic peak-to-average", value: ROIFormat.number(profile.peakToAverage, decimals: 2) + Self.trafficBasis(profile),
            source: traffic == nil ? "repat choice: flat traffic until you set traffic: in --config" : trafficSource ?? "your --config traffic:", date: "",
            overridden: traffic != nil
        ))
        let labels = Dictionary(ROISettings.figures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for key in checkedKeys {
            guard let figure = labels[key] else { continue }
            let value = try settings.value(key)
            let text: String
            if ROISettings.moneyKeys.contains(key) {
                text = "\(ROIFormat.amount(value.value)) \((settings.moneyCurrency[key] ?? currency).code) \(figure.unit)"
            } else if figure.unit.contains("per year") || key == "residual_value" {
                text = "\(ROIFormat.percent(value.value)) \(figure.unit)"
            } else if ["years", "servers"].contains(figure.unit), value.value == value.value.rounded() {
                text = CountPhrase.text(Int(value.value), String(figure.unit.dropLast()), plural: figure.unit)
            } else {
                text = "\(ROIFormat.number(value.value, decimals: value.value == value.value.rounded() ? 0 : 2)) \(figure.unit)"
            }
            rows.append(Assumption(name: figure.label, value: text.trimmingTrailingSpace, source: value.source, date: value.read, overridden: settings.overridden.contains(key)))
        }
        return rows
    }

    /// How the peak-to-average was found: from the 24 hourly weights, or given beside them.
    private static func trafficBasis(_ profile: TrafficProfile) -> String {
        guard let weights = profile.hourlyWeights else { return "" }
        return TrafficProfile(hourlyWeights: weights).peakToAverage == profile.peakToAverage
            ? " (from 24 hourly weights)" : " (given; 24 hourly weights shape the day)"
    }

    /// One line per kind of dated figure older than ``CalendarDay/staleAfterDays`` on `today`:
    /// settings, hardware, API and rent prices (by when they were read) and the exchange rate (by
    /// the day it applies to).
    static func staleWarnings(book: PriceBook, hardware: HardwareProfile, rents: [RentOffer], apis: [APIPrice], today: String) -> [String] {
        func old(_ date: String) -> Int? {
            guard let age = CalendarDay.age(of: date, today: today), age > CalendarDay.staleAfterDays else { return nil }
            return age
        }
        var lines: [String] = []
        let exchange = book.settings.exchange
        if let age = old(exchange.date) {
            lines.append("the exchange rate (1 EUR = \(exchange.usdPerEUR) USD) is of \(exchange.date), \(age) days before \(today): update exchange_rate in --config")
        }
        let dated = [hardware.priceSource, hardware.serverPriceSource, hardware.tdpWatts, hardware.idleWatts, hardware.serverWatts].compactMap { $0 }
        if let stale = dated.first(where: { old($0.read) != nil }) {
            lines.append("\(hardware.name): a price or power figure was read on \(stale.read), over \(CalendarDay.staleAfterDays) days before \(today): check pricing/hardware.yaml")
        }
        let settings = book.settings.values.filter { old($0.value.read) != nil }.map(\.key).sorted()
        if !settings.isEmpty { lines.append("settings read over \(CalendarDay.staleAfterDays) days before \(today): \(settings.joined(separator: ", "))") }
        let staleAPIs = apis.filter { old($0.read) != nil }.map(\.id)
        if !staleAPIs.isEmpty { lines.append("API prices read over \(CalendarDay.staleAfterDays) days before \(today): \(staleAPIs.joined(separator: ", "))") }
        let staleRents = rents.filter { old($0.read) != nil }.map(\.id)
        if !staleRents.isEmpty { lines.append("rent prices read over \(CalendarDay.staleAfterDays) days before \(today): \(staleRents.joined(separator: ", "))") }
        return lines
    }
}
