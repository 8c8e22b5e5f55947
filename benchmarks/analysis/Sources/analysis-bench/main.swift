// Benchmark driver: `analysis-bench parse FILE...` measures reading speed;
// `analysis-bench analyze --tm TM FILE [--scores OUT.tsv]` times TM loading, indexing and matching
// and writes each segment's best score and band for the agreement comparison with peers.
import Foundation
import TandemAnalysis
import TandemDomain

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
/// CPU time of this process (the parse is single-threaded: MB/s on CPU time do not depend on
/// how busy the shared machine is, wall-clock MB/s do).
func cpu() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first else {
    print("usage: analysis-bench parse FILE... | digest FILE|DIR... | analyze --tm TM [--scores OUT] FILE")
    exit(64)
}
args.removeFirst()

do {
    switch mode {
    case "parse":
        // Each file is read `--repeat N` times (default 5) in one process; the median and the best
        // run are reported, as single runs on a shared machine vary by ±30%.
        var repeats = 5
        if let i = args.firstIndex(of: "--repeat"), i + 1 < args.count, let n = Int(args[i + 1]), n > 0 {
            repeats = n
            args.removeSubrange(i...(i + 1))
        }
        // `--whole-units`: one segment per unsegmented XLIFF 1.2 unit (no sentence splitting).
        var options = DocumentReader.Options()
        if let i = args.firstIndex(of: "--whole-units") {
            options.splitsUnits = false
            args.remove(at: i)
        }
        for path in args {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            var walls: [Double] = []
            var cpus: [Double] = []
            var segments = 0
            for _ in 0..<repeats {
                let start = now()
                let startCPU = cpu()
                let doc = try DocumentReader.read(data, name: path, options: options)
                walls.append(now() - start)
                cpus.append(cpu() - startCPU)
                segments = doc.segments.count
            }
            walls.sort()
            cpus.sort()
            let mb = Double(data.count) / 1e6
            print(
                String(
                    format:
                        "parse\t%@\t%d bytes\t%d segments\t%d runs\tmedian %.3f s\t%.1f MB/s\tbest %.1f MB/s\tcpu median %.1f MB/s",
                    path, data.count, segments,
                    repeats, walls[repeats / 2], mb / walls[repeats / 2], mb / walls[0], mb / cpus[repeats / 2]))
        }
    case "digest":
        // One line per file: format, languages, segment count and an FNV-1a hash of every
        // segment (id, translatable, pieces), or the error message; for before/after diffs.
        var paths: [String] = []
        for path in args {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let base = URL(fileURLWithPath: path)
                let found =
                    FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.compactMap {
                        ($0 as? URL)?.path
                    } ?? []
                paths += found.filter {
                    ["xlf", "xliff", "sdlxliff", "tmx", "po", "txt", "docx"].contains(
                        ($0 as NSString).pathExtension.lowercased())
                }.sorted()
            } else {
                paths.append(path)
            }
        }
        for path in paths {
            do {
                let doc = try DocumentReader.read(contentsOf: URL(fileURLWithPath: path))
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                func mix(_ s: String) {
                    for b in s.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
                    hash = (hash ^ 0xff) &* 0x100_0000_01b3
                }
                for segment in doc.segments {
                    mix(segment.id)
                    mix(segment.translatable ? "t" : "n")
                    for piece in segment.content {
                        switch piece {
                        case .text(let t): mix("T" + t)
                        case .code(let kind): mix("C" + kind.rawValue)
                        }
                    }
                }
                print(
                    "\(path)\t\(doc.format.rawValue)\t\(doc.sourceLanguage.map { "\($0)" } ?? "-")\t\(doc.targetLanguage.map { "\($0)" } ?? "-")\t\(doc.segments.count)\t\(String(hash, radix: 16))"
                )
            } catch {
                print("\(path)\tERROR\t\(error)")
            }
        }
    case "analyze":
        var tms: [String] = []
        var files: [String] = []
        var scores: String?
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--tm":
                tms.append(args[i + 1])
                i += 2
            case "--scores":
                scores = args[i + 1]
                i += 2
            default:
                files.append(args[i])
                i += 1
            }
        }
        let t0 = now()
        // Whole units, as the peers score them (translate-toolkit matches each unit's string).
        let settings = AnalysisSettings(
            sourceLanguage: try LanguageTag("en"), targetLanguage: try LanguageTag("fr"), includeDetails: scores != nil,
            splitsUnits: false)
        let docs = try AnalysisEngine.readDocuments(files.map { .file(URL(fileURLWithPath: $0)) }, settings: settings)
        let t1 = now()
        let tm = try TranslationMemory(
            sources: tms.map { .init(name: $0, data: try Data(contentsOf: URL(fileURLWithPath: $0))) },
            sourceLanguage: try LanguageTag("en"), targetLanguage: try LanguageTag("fr"))
        let t2 = now()
        let result = Analyzer.analyze(docs, memory: tm, settings: settings)
        let t3 = now()
        print(
            String(
                format: "read\t%.3f s\nload+index TM (%d units)\t%.3f s\nmatch (%d segments)\t%.3f s\ntotal\t%.3f s",
                t1 - t0, tm.count, t2 - t1,
                result.total.segments + result.total.nonTranslatable.segments, t3 - t2, t3 - t0))
        for band in Band.allCases { print("band\t\(band.rawValue)\t\(result.total.bands[band].segments)") }
        if let scores {
            var out = "id\tscore\tband\n"
            for file in result.files {
                for d in file.details ?? [] { out += "\(d.id)\t\(d.score ?? 0)\t\(d.band?.rawValue ?? "")\n" }
            }
            try out.write(toFile: scores, atomically: true, encoding: .utf8)
        }
    default:
        print("unknown mode \(mode)")
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(65)
}
