"""Words of a thread's text for telling what it is about: stop words, stems, terms and phrases."""
