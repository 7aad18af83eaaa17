/** Fetching the four files from the dataset's canonical location, with MD5 checks and atomic moves. */
package dev.fmnist.data.download;
