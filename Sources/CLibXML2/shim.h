#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers would pull in the system ICU's unicode/*.h,
// which clash with Foundation's bundled ICU module. Tandem never touches libxml2's ICU
// converter fields, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
