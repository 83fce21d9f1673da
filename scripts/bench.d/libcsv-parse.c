/* The yardstick of scripts/bench: libcsv's own parse of a file, on one core, with empty callbacks
 * (the least any libcsv-based reader can cost). Reads the file in 1 MiB chunks, as podium does, with
 * the same options podium sets; prints the number of fields and records so the work cannot be
 * optimised away.   usage: libcsv-parse FILE */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

struct counts { unsigned long fields, records; };

static void on_field(void *field, size_t length, void *data) {
    (void)field; (void)length;
    ((struct counts *)data)->fields++;
}

static void on_record(int terminator, void *data) {
    (void)terminator;
    ((struct counts *)data)->records++;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: libcsv-parse FILE\n"); return 64; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 66; }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) return 70;
    static char buffer[1 << 20];
    struct counts counts = {0, 0};
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, file)) > 0) {
        if (csv_parse(&parser, buffer, count, on_field, on_record, &counts) != count) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            return 65;
        }
    }
    csv_fini(&parser, on_field, on_record, &counts);
    csv_free(&parser);
    fclose(file);
    printf("%lu fields, %lu records\n", counts.fields, counts.records);
    return 0;
}
