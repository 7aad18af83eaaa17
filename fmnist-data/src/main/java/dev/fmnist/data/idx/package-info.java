/** Reading IDX files (gzip or raw) with every size validated before allocation. */
package dev.fmnist.data.idx;
