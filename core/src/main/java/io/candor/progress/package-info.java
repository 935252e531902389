/**
 * Progress within one client's treatment: expected-response curves with prediction bands and
 * alerts, sudden gains and losses, plateaus, early response, relapse, and engagement (dropout).
 */
package io.candor.progress;
