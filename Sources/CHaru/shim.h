#include <hpdf.h>
// libharu's own structures, installed with it: the font's ToUnicode stream is rewritten in place.
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
