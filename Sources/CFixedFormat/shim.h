#ifndef PODIUM_CFIXEDFORMAT_H
#define PODIUM_CFIXEDFORMAT_H
#include <stdio.h>

/* printf's "%.*f" for one double: C's exact decimal rounding, which the reports have always used,
 * without Swift's variadic-argument machinery (a CVarArg array per number), which cost more than the
 * formatting itself in a breakdown of many thousand numbers. */
static inline int podium_format_fixed(char *buffer, size_t size, double value, int decimals) {
    return snprintf(buffer, size, "%.*f", decimals, value);
}

#endif
