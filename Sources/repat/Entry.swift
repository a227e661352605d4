import ArgumentParser
import CurlTransport
import Foundation

/// Process entry: libcurl's global set-up and SIGPIPE must precede every thread and task.
@main
enum Entry {
    static func main() async {
        // A results file that reaches the file-size limit (`ulimit -f`) fails its write with
        // EFBIG, which the run reports and survives, instead of the signal killing the process.
        signal(SIGXFSZ, SIG_IGN)
        guard Curl.globalInit() else {
            FileHandleOutput.error("repat: error: libcurl failed to initialise")
            exitProcess(1)
        }
        await Repat.main()
    }
}
