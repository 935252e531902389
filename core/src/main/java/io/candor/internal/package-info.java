/**
 * Internal helpers: argument checks, message templates and small numeric routines. Not exported
 * by the module and not part of Candor's API; may change without notice.
 */
package io.candor.internal;
