# Labels of the tests that pin the calibration (issue 5, item 6), so that each group runs alone:
#   ctest -L pin            all four groups
#   ctest -L pin-targets    the full-scale baseline ensemble passes every target
#   ctest -L pin-golden     exact digests of a short canonical run (scripts/golden to review)
#   ctest -L pin-threads    one and two threads give identical data (also labelled threads, for
#                           ./scripts/test --tsan: see thread_labels.cmake)
#   ctest -L pin-null       null_intervention equals the baseline bit for bit
# ctest reads this after the files gtest_discover_tests wrote, so the tests exist; each keeps its
# area's label too.
set_tests_properties(CalibratedBaseline.FullScaleEnsemblePassesEveryTarget
                     PROPERTIES LABELS "calibration;pin;pin-targets")
set_tests_properties(Golden.CanonicalBaselineRunMatchesItsDigests
                     PROPERTIES LABELS "app;pin;pin-golden")
set_tests_properties(Scenarios.OneAndTwoThreadsGiveIdenticalData
                     PROPERTIES LABELS "app;pin;pin-threads;threads")
set_tests_properties(Determinism.EnsembleIdenticalOnOneAndTwoThreads
                     PROPERTIES LABELS "model;pin;pin-threads;threads")
set_tests_properties(Scenarios.NullInterventionIsTheBaselineBitForBit
                     PROPERTIES LABELS "app;pin;pin-null")
# Slow under the sanitizers (an ABC on synthetic data: about 40 s in Release, over 10 minutes under
# ASan): left out of ./scripts/test --sanitize, run in the default suite.
set_tests_properties(CalibrationRecovery.RecoversKnownParametersFromSyntheticData
                     PROPERTIES LABELS "calibration;slow")
