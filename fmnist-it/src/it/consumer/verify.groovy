// The consumer's test ran the app against the fmnist artifacts that the BOM pinned.
def log = new File(basedir, 'build.log').text
assert log.contains('consumer: trained, saved, reloaded and classified all 10 bands')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/shop-classifier-1.0.jar').isFile()
return true
