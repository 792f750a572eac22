#include "model/series.hpp"

namespace smug {

const std::array<SeriesInfo, kNumSeries>& series_info() {
  static const std::array<SeriesInfo, kNumSeries> info = {{
      {"arrivals", "people", "Albanian small-boat arrivals in the UK", false, true},
      {"attempts", "people", "Albanians in boats launched from northern France", false, true},
      {"attempts_stopped", "people", "Albanians in launches stopped by the French police", false,
       true},
      {"boats", "boats", "Boats launched carrying Albanians", false, true},
      {"boat_people", "people", "People of any nationality on boats carrying Albanians", false,
       true},
      {"deaths", "people", "Albanians who died crossing", false, true},
      {"considering", "people",
       "Considerations of leaving by people at home (a person prompted twice in a day counts "
       "twice)",
       false, true},
      {"signed_boat", "people", "People who bought the small-boat route", false, true},
      {"signed_credit", "people", "People who bought the small-boat route on credit (a debt bond)",
       false, true},
      {"other_route_departures", "people", "People who left by lorry or air with false documents",
       false, true},
      {"legal_departures", "people", "People who left on a legal work visa", false, true},
      {"detected_exit", "people", "People stopped at Albania's exits", false, true},
      {"gave_up", "people", "People who gave up in France and went home", false, true},
      {"claims", "people", "Asylum claims by Albanian small-boat arrivals", false, true},
      {"grants", "people", "Initial decisions granting protection or leave", false, true},
      {"refusals", "people", "Initial decisions refusing", false, true},
      {"withdrawals", "people", "Claims withdrawn", false, true},
      {"returns_enforced", "people", "Enforced returns of Albanians to Albania", false, true},
      {"returns_voluntary", "people", "Voluntary returns of Albanians to Albania", false, true},
      {"returns", "people", "Returns of Albanians to Albania (all types)", false, true},
      {"returns_boat_arrivals", "people", "Returns of Albanians who came by small boat", false,
       true},
      {"arrests", "people", "Arrests of smuggling-network members", false, false},
      {"org_entries", "organisations", "Smuggling organisations entering the market", false, false},
      {"org_dissolutions", "organisations", "Smuggling organisations dissolved", false, false},
      {"debt_repaid", "GBP", "Debt repaid to smuggling organisations", false, true},
      {"debt_written_off", "GBP", "Debt lost to smuggling organisations when debtors were returned",
       false, true},
      {"waiting_france", "people", "Albanians waiting on the northern French coast", true, true},
      {"people_per_boat", "people per boat",
       "People per boat launched with Albanians aboard (NaN on days without launches)", true,
       false},
      {"price_gbp", "GBP", "Mean price of the boat leg paid by Albanians", true, false},
      {"active_networks", "organisations", "Active smuggling organisations", true, false},
      {"members", "people", "Members of smuggling organisations", true, false},
      {"debt_outstanding", "GBP", "Debt owed to organisations by Albanians in the UK", true, true},
      {"pending_claims", "people", "Claims by Albanian boat arrivals awaiting decision", true,
       true},
      {"uk_boat_stock", "people", "Albanian small-boat arrivals still in the UK", true, true},
      {"uk_other_stock", "people", "Albanians in the UK who came by other routes", true, true},
      {"other_waiting", "people", "Other nationalities waiting on the coast", true, true},
      {"credit_loss_share", "1",
       "Share of the debt settled lately that organisations lost to returns (above the limit they "
       "stop selling on credit)",
       true, false},
      {"exit_airport", "people",
       "People leaving Albania by Tirana airport (boat-route trips and other routes), counted at "
       "the exit whether or not a check there stops them",
       false, true},
      {"exit_kosovo", "people",
       "People leaving Albania over the Kosovo border, counted at the exit whether or not a check "
       "there stops them",
       false, true},
      {"exit_montenegro", "people",
       "People leaving Albania over the Montenegro border, counted at the exit whether or not a "
       "check there stops them",
       false, true},
      {"exit_greece", "people",
       "People leaving Albania over the border with Greece, counted at the exit whether or not a "
       "check there stops them",
       false, true},
      {"public_news_intensity", "events per 1000 people",
       "Returns and arrivals in the public news (lagged, decayed) per 1000 people at risk", true,
       false},
      {"campaign_reached", "1",
       "Share of people carrying an information campaign's nudge (0 unless campaigns.nudge; with "
       "campaigns.separate, the sum of each campaign's share)",
       true, false},
      {"perceived_return", "probability",
       "Mean perceived chance of return of people at home (a fixed sample of up to 1024, read "
       "weekly and carried between readings)",
       true, false},
      {"perceived_cross", "probability",
       "Mean perceived chance of getting across by boat of people at home (the same sample)", true,
       false},
      {"road_delay_days", "person-days",
       "Days that the people who signed today for the boat and leave by land will wait at home "
       "for a driver, summed (0 unless organisations.travellers_per_driver_week is set)",
       false, true},
      {"debt_bonded", "people",
       "Albanian small-boat arrivals in the UK still working off a debt to their smugglers", true,
       true},
      {"perceived_trust", "share",
       "Mean trust in smugglers' promises (safe crossing, easy work, fair debt) of people at home "
       "(the sample of perceived_return)",
       true, false},
      {"coast_lorry", "people",
       "Albanians whose launch was stopped who tried a lorry from the northern French ports "
       "instead (0 unless crossing.lorry_after_stop is set)",
       false, true},
      {"boat_norm_shift", "log-odds",
       "Rise in the log-odds of the boat that the public news of many recent crossings brings "
       "(0 unless public_news.gain_norm is set)",
       true, false},
      {"returns_quick", "people",
       "Returns of Albanians who came by small boat within public_news.quick_days of arriving "
       "(0 unless public_news is enabled with quick_days set)",
       false, true},
  }};
  return info;
}

const std::array<SeriesInfo, kNumMeasureSeries>& measure_series_info() {
  static const std::array<SeriesInfo, kNumMeasureSeries> info = {{
      {"detected", "people", "People the measure stopped at Albania's exits", false, true},
      {"arrests", "people", "Network members the measure arrested", false, false},
      {"removals", "people", "Enforced returns made with capacity the measure added", false, true},
  }};
  return info;
}

Recorder::Recorder(int ndays, size_t nmeasures) : measure_(nmeasures) {
  for (auto& v : data_) v.assign(static_cast<size_t>(ndays), 0.0);
  for (auto& m : measure_)
    for (auto& v : m) v.assign(static_cast<size_t>(ndays), 0.0);
}

void Recorder::finish(double scale) {
  for (int s = 0; s < kNumSeries; ++s)
    if (series_info()[s].scaled)
      for (double& v : data_[s]) v /= scale;
  for (auto& m : measure_)
    for (int s = 0; s < kNumMeasureSeries; ++s)
      if (measure_series_info()[s].scaled)
        for (double& v : m[s]) v /= scale;
}

}  // namespace smug
