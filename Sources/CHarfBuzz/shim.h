// HarfBuzz: a font's advance widths, and hb-subset to cut it down to a document's characters.
#include <hb.h>
#include <hb-subset.h>
