# The label threads: the tests whose code runs on more than one thread, in the test process or in
# the smugsim it starts (ensembles on two threads, a refused thread, calibrate's pool, signals and
# the resume after them, shards run on two threads). ./scripts/test --tsan runs them under
# ThreadSanitizer; the binary it starts is built with it too, and a race there fails the test
# through the exit code. Read by ctest after the discovered tests' files (as pin_labels.cmake);
# each keeps its area's label. The two pin-threads tests get the label in pin_labels.cmake.
foreach(t ARefusedThirdThreadGivesTheResultsOfOneThread NoThreadAtAllRunsEverythingOnTheCallingThread
          EveryThreadCreatedIsNotReportedAsAShortfall RunWorkersRunsTheWorkOnTheThreadsItHas)
  set_tests_properties(ThreadShortfall.${t} PROPERTIES LABELS "model;threads")
endforeach()
foreach(t ExecutorThreads.ARefusedThreadIsWarnedOfAndRecordedInTheProvenance
          InterruptScope.ASignalSetsTheFlagInsteadOfEndingTheProcess
          InterruptScope.LeavingTheScopeByAnExceptionRestoresThePreviousHandlers
          InterruptScope.OnlyOneScopeAtATime InterruptScope.ANewScopeStartsUninterrupted)
  set_tests_properties(${t} PROPERTIES LABELS "runner;threads")
endforeach()
foreach(t CalibrateCommand.ResumeEvaluatesWhatAnUninterruptedRunDoes
          CalibrateCommand.FinishingAResumedFileOnlyWritesTheOutputs
          CalibrateCommand.CheckWritesTheSetClosestOnTheFreshReplicates
          CalibrateCommand.ScreenChoosesTheCheckedSetsOnOtherReplicates
          Resume.AfterSigkillGivesTheSameData Resume.AfterSigintGivesTheSameDataAndRefusesAnotherRun
          Resume.WithoutResumeAnUnfinishedRunIsReplaced
          Sweep.SameDataOnAnyThreadCountAndTheDocumentedLayout
          Sensitivity.MorrisRunsEndToEndAndTheUnreadParameterHasMuStarZero
          Sensitivity.SobolRunsEndToEndWithOneRowPerParameterAndOutput
          Sensitivity.PairedWithItselfGivesEffectsIdenticallyZero
          Sensitivity.ResumeAfterSigkillGivesTheSameData)
  set_tests_properties(${t} PROPERTIES LABELS "app;threads")
endforeach()
foreach(t Merge.MergedShardsEqualTheWholeRunInAnyOrder Merge.SweepShardsMergeToTheWholeSweep)
  set_tests_properties(${t} PROPERTIES LABELS "batch;threads")
endforeach()
