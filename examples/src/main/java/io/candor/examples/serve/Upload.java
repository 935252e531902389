package io.candor.examples.serve;

/**
 * An uploaded file, held in memory for the request only.
 *
 * @param filename the name the browser gave (may be empty)
 * @param bytes the content
 */
record Upload(String filename, byte[] bytes) {}
