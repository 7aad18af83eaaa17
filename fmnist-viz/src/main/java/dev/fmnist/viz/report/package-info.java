/**
 * A self-contained HTML report of a model: pictures embedded as PNG data URIs, inline CSS, no scripts and no
 * external resources, so the single {@code index.html} can be mailed, archived or opened offline.
 */
package dev.fmnist.viz.report;
