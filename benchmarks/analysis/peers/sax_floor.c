/* The yardstick for Tandem's XML readers: libxml2's SAX2 parser alone, with callbacks that do
 * nothing. No reader built on libxml2 can be faster than this. Two modes, as Tandem uses both:
 * the push parser fed the same 1 MiB chunks (XLIFF 1.2 and TMX readers), and the pull parser
 * reading through a callback that hands out 1 MiB at a time (XLIFF 2 reader).
 * Build: cc -O2 sax_floor.c $(xml2-config --cflags --libs) -o sax_floor
 * Usage: sax_floor [--repeat N] FILE...   (prints the median and best MB/s of N runs, per mode) */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
                  const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes) {}
static void end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {}
static void characters(void *ctx, const xmlChar *ch, int len) {}

struct source { const char *data; long size; long offset; };

static int read_source(void *context, char *buffer, int length) {
    struct source *s = context;
    long n = s->size - s->offset;
    if (n > length) n = length;
    if (n > 1 << 20) n = 1 << 20;
    memcpy(buffer, s->data + s->offset, n);
    s->offset += n;
    return (int)n;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int repeats = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "--repeat") == 0) { repeats = atoi(argv[2]); first = 3; }
    if (repeats < 1 || first >= argc) { fprintf(stderr, "usage: sax_floor [--repeat N] FILE...\n"); return 64; }
    for (int f = first; f < argc; f++) {
        FILE *in = fopen(argv[f], "rb");
        if (!in) { perror(argv[f]); return 66; }
        fseek(in, 0, SEEK_END);
        long size = ftell(in);
        fseek(in, 0, SEEK_SET);
        char *data = malloc(size);
        if (fread(data, 1, size, in) != (size_t)size) { perror(argv[f]); return 66; }
        fclose(in);
        double *walls = calloc(repeats, sizeof(double));
        for (int pull = 0; pull <= 1; pull++) {
            for (int r = 0; r < repeats; r++) {
                xmlSAXHandler handler;
                memset(&handler, 0, sizeof handler);
                handler.initialized = XML_SAX2_MAGIC;
                handler.startElementNs = start;
                handler.endElementNs = end;
                handler.characters = characters;
                handler.ignorableWhitespace = characters;
                double t0 = now();
                if (pull) {
                    struct source source = { data, size, 0 };
                    xmlParserCtxtPtr ctx = xmlCreateIOParserCtxt(&handler, NULL, read_source, NULL, &source, XML_CHAR_ENCODING_NONE);
                    xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_NOWARNING);
                    if (xmlParseDocument(ctx) != 0 || !ctx->wellFormed) { fprintf(stderr, "%s: XML error\n", argv[f]); return 65; }
                    xmlFreeParserCtxt(ctx);
                } else {
                    xmlParserCtxtPtr ctx = xmlCreatePushParserCtxt(&handler, NULL, data, 4, argv[f]);
                    xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_NOWARNING);
                    const long chunk = 1 << 20;
                    for (long offset = 4; offset < size; offset += chunk) {
                        long length = size - offset < chunk ? size - offset : chunk;
                        if (xmlParseChunk(ctx, data + offset, (int)length, offset + length >= size) != 0) { fprintf(stderr, "%s: XML error\n", argv[f]); return 65; }
                    }
                    xmlFreeParserCtxt(ctx);
                }
                walls[r] = now() - t0;
            }
            qsort(walls, repeats, sizeof(double), compare);
            printf("libxml2-sax-%s\t%s\t%ld bytes\t%d runs\tmedian %.3f s\t%.1f MB/s\tbest %.1f MB/s\n", pull ? "pull" : "push", argv[f], size, repeats,
                   walls[repeats / 2], size / 1e6 / walls[repeats / 2], size / 1e6 / walls[0]);
        }
        free(walls);
        free(data);
    }
    return 0;
}
