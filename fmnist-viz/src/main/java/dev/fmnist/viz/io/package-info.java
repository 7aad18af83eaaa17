/** PNG encoding: atomic files and base64 data URIs for self-contained HTML. */
package dev.fmnist.viz.io;
