#ifndef LEXPIPE_CPOPPLER_SHIM_H
#define LEXPIPE_CPOPPLER_SHIM_H

/* poppler-glib's declarations are only meant to be included through its umbrella header;
   lexpipe uses the document (new_from_bytes, get_n_pages, get_page) and the page's text
   (get_text, get_text_layout, get_text_attributes, get_size). */
#include <poppler.h>

#endif
