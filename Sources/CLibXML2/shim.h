#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the ICU that Foundation
   brings. thidua never touches the encoders' ICU fields, so the headers are read
   without them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
