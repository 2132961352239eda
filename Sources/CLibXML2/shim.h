#ifndef LEXPIPE_CLIBXML2_SHIM_H
#define LEXPIPE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, whose headers clash with the ICU copy inside
   Foundation. Only pointers to the ICU-dependent encoding handler cross this boundary,
   never the struct itself, so hiding its ICU members changes no layout lexpipe uses. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a C global function pointer; Swift 6 refuses to read such a global from
/// concurrent code, so it is called through this function instead.
static inline void lexpipe_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// Where the parser stands in its input, in bytes from the start of the document: what it has
/// discarded from its buffer, and its cursor in what is left.
static inline long lexpipe_parserOffset(xmlParserCtxtPtr context) {
    xmlParserInputPtr input = context->input;
    if (input == NULL || input->cur == NULL || input->base == NULL) return -1;
    return (long)input->consumed + (long)(input->cur - input->base);
}

#endif
