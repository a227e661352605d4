import ArgumentParser
import CurlTransport

/// Process entry: libcurl's global set-up and SIGPIPE must precede every thread and task.
@main
enum Entry {
    static func main() async {
        guard Curl.globalInit() else {
            FileHandleOutput.error("repat: error: libcurl failed to initialise")
            exitProcess(1)
        }
        await Repat.main()
    }
}
