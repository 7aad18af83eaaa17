/**
 * Pictures from the API's values: image grids, training curves, confusion heatmaps, prediction grids,
 * probability charts, terminal previews and a self-contained HTML report. Everything renders headless to
 * {@link java.awt.image.BufferedImage}s (or text, for terminals) from {@code dev.fmnist.api} values only; no
 * backend code is involved.
 *
 * <h2>Calling it (for the command line)</h2>
 * <pre>{@code
 * // fmnist show: a grid of images, or a terminal preview
 * BufferedImage grid = ImageGrid.defaults().withColumns(5).render(testSet, new int[] {0, 1, 2, 3, 4});
 * Png.write(grid, Path.of("grid.png"));
 * System.out.print(TerminalImage.of(TerminalImage.Mode.detect(System.getenv())).render(testSet.image(0)));
 *
 * // fmnist predict --out DIR: one image's probabilities
 * Png.write(ProbabilityChart.defaults().render(prediction, trueLabel), dir.resolve("probabilities.png"));
 *
 * // fmnist train --report DIR / fmnist report: everything in one self-contained page
 * ReportContent content = ReportContent.builder("fmnist report")
 *         .provenance(model.provenance()).history(history).evaluation(evaluation)
 *         .predictions(testSet, probabilities).build();
 * Path index = ReportWriter.defaults().write(content, dir);
 * }</pre>
 *
 * <p>Packages: {@link dev.fmnist.viz.image} (Java2D image grids, terminal rendering),
 * {@link dev.fmnist.viz.chart} (charts), {@link dev.fmnist.viz.report} (HTML report),
 * {@link dev.fmnist.viz.io} (PNG files and data URIs).
 */
package dev.fmnist.viz;
