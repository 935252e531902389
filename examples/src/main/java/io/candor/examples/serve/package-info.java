/**
 * {@code candor serve}: a local web application on the JDK's built-in HTTP server. It binds to
 * 127.0.0.1 only, keeps uploads in memory for the length of one request and never writes them to
 * disk, loads nothing from the internet (styles, script and font are served from the jar) and
 * answers bad input with the same messages as the command line, on the page.
 */
package io.candor.examples.serve;
