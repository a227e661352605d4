import RepatSupport

/// The inputs table of the report: every figure the model used, with its source and date.
enum ROIInputs {
    /// Rows for the deployment, the hardware, the exchange rate and every settings figure.
    static func rows(book: PriceBook, hardware: HardwareProfile, onPrem: OnPremInputs, power: UnitPower) throws(ROIError) -> [InputRow] {
        let settings = book.settings
        let currency = settings.currency
        var rows = [
            InputRow(name: "hardware", value: "\(hardware.name) (\(hardware.id))", source: "--hardware / deployment.hardware"),
            InputRow(name: "servers carrying load", value: String(onPrem.servers), source: "--servers / deployment.servers"),
            InputRow(name: "\(hardware.unit)s per server", value: String(onPrem.unitsPerServer), source: "--gpus-per-server / deployment.gpus_per_server"),
            InputRow(name: "\(hardware.unit)s behind the measured target", value: String(onPrem.measuredUnits), source: "--measured-gpus / deployment.measured_gpus"),
        ]
        if let price = hardware.price, let source = hardware.priceSource {
            rows.append(InputRow(
                name: "purchase price per \(hardware.unit)",
                value: "\(price.text) → \(ROIFormat.money(onPrem.unitPrice, currency))\(price.low == price.high ? "" : " (midpoint)")",
                source: source.source, read: source.read
            ))
        }
        rows.append(InputRow(name: "power per \(hardware.unit) at load", value: "\(ROIFormat.number(power.load, decimals: 1)) W", source: power.loadSource, read: hardware.tdpWatts?.read ?? ""))
        rows.append(InputRow(name: "power per \(hardware.unit) idle", value: "\(ROIFormat.number(power.idle, decimals: 1)) W", source: power.idleSource, read: hardware.idleWatts?.read ?? ""))
        if let server = hardware.serverPrice, let source = hardware.serverPriceSource {
            rows.append(InputRow(
                name: "rest of one server (chassis, CPUs, RAM, NICs, storage)", value: "\(server.text) → \(ROIFormat.money(onPrem.serverPrice, currency))",
                source: source.source, read: source.read
            ))
        }
        if let watts = hardware.serverWatts {
            rows.append(InputRow(name: "power of the rest of one server", value: "\(ROIFormat.number(watts.value, decimals: 0)) W", source: watts.source, read: watts.read))
        }
        rows.append(InputRow(
            name: "exchange rate", value: "1 EUR = \(settings.exchange.usdPerEUR) USD on \(settings.exchange.date)",
            source: settings.exchange.source, read: settings.exchangeRead
        ))
        rows.append(InputRow(name: "API prices with EU data-residency uplift", value: settings.euProcessing ? "yes" : "no", source: "api_eu_processing"))
        for figure in ROISettings.figures {
            let value = try settings.value(figure.key)
            let text: String
            if ROISettings.moneyKeys.contains(figure.key) {
                let original = settings.moneyCurrency[figure.key] ?? currency
                text = "\(ROIFormat.amount(value.value)) \(original.code) \(figure.unit)".trimmingTrailingSpace
            } else if figure.unit.hasPrefix("share") || figure.unit.hasPrefix("of ") || figure.key == "discount_rate" || figure.unit == "per year" {
                text = "\(ROIFormat.percent(value.value)) \(figure.unit)"
            } else if ["years", "servers"].contains(figure.unit), value.value == value.value.rounded(), abs(value.value) < 1e9 {
                text = CountPhrase.text(Int(value.value), String(figure.unit.dropLast()), plural: figure.unit)
            } else {
                text = "\(ROIFormat.number(value.value, decimals: value.value == value.value.rounded() ? 0 : 3)) \(figure.unit)".trimmingTrailingSpace
            }
            rows.append(InputRow(name: figure.label, value: text, source: value.source, read: value.read))
        }
        return rows
    }
}

extension String {
    /// Without trailing spaces.
    var trimmingTrailingSpace: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
