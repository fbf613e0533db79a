import { describe, expect, it } from "vitest";
import type { OrgRef } from "@/lib/actions/dto";
import { dateWindow, deriveTracks, segmentsOf, statusOn, trackBody, type StandingOutcome, type StatusTrack } from "./derive";

const org = (id: string, acronym: string | null = null): OrgRef => ({ id, name: `${id} name`, acronym });
const ru = org("ru-ombudsman");
const ganhri = org("ganhri", "GANHRI");
const sca = org("sca", "SCA");
const ennhri = org("ennhri", "ENNHRI");
const ennhriGA = org("ennhri-ga");
const ioi = org("ioi", "IOI");
const ioiBoard = org("ioi-board");
const aom = org("aom", "AOM");
const russia = org("russia");
const term = (code: string) => ({ code, labelEn: code, labelUk: code });

let n = 0;
const outcome = (o: Partial<StandingOutcome> & Pick<StandingOutcome, "date" | "category">): StandingOutcome => ({
  id: `o${++n}`,
  title: `Outcome ${n}`,
  datePrecision: "DAY",
  type: term("X"),
  verification: term("VERIFIED"),
  statusBefore: null,
  statusAfter: null,
  subject: ru,
  decidingBodyPath: [],
  actions: [],
  ...o,
});

// The demo data's facts about the Russian Ombudsman institution.
const demo = () => [
  outcome({ category: "membership", date: "2022-08-01", datePrecision: "MONTH", decidingBodyPath: [ioiBoard, ioi], statusBefore: "member", statusAfter: "revoked" }),
  outcome({ category: "other", date: "2023-03-06", decidingBodyPath: [org("ennhri-board"), ennhri] }), // Board proposal: no status
  outcome({ category: "membership", date: "2023-04-11", decidingBodyPath: [ennhriGA, ennhri], statusBefore: "member", statusAfter: "excluded" }),
  outcome({ category: "accreditation", date: "2024-10-01", datePrecision: "MONTH", decidingBodyPath: [sca, ganhri], statusBefore: "A", statusAfter: "none" }),
  outcome({ category: "membership", date: "2024-10-01", datePrecision: "MONTH", decidingBodyPath: [aom], statusBefore: "member", statusAfter: "excluded", verification: term("REPORTED") }),
];

const byBody = (tracks: StatusTrack[]) => Object.fromEntries(tracks.map((t) => [`${t.category}:${t.body?.acronym ?? "-"}`, t]));

describe("[STATUS HISTORY] tracks per subject, kind of standing and network", () => {
  it("splits membership by network (the deciding body's top-level organization); accreditation first", () => {
    const tracks = deriveTracks(demo());
    expect(tracks.map((t) => `${t.category}:${t.body?.acronym}`)).toEqual(["accreditation:GANHRI", "membership:AOM", "membership:ENNHRI", "membership:IOI"]);
    expect(tracks.every((t) => t.subject.id === ru.id)).toBe(true);
  });

  it("leaves out outcomes that are no standing and change no status (the ENNHRI Board's proposal)", () => {
    const tracks = deriveTracks(demo());
    expect(tracks.flatMap((t) => t.entries).map((e) => e.date)).not.toContain("2023-03-06");
  });

  it("treaties: one track per subject, also when the state itself decides", () => {
    const tracks = deriveTracks([
      outcome({ subject: russia, category: "treaty", date: "2025-09-01", datePrecision: "ESTIMATED", decidingBodyPath: [russia] }),
      outcome({ subject: russia, category: "treaty", date: "2025-09-29", decidingBodyPath: [russia], statusBefore: "party", statusAfter: "withdrawal pending" }),
    ]);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]).toMatchObject({ category: "treaty", body: null });
    expect(tracks[0]!.entries.map((e) => e.isChange)).toEqual([false, true]);
    expect(trackBody("membership", ru, [])).toBeNull();
  });

  it("flags a recorded 'before' that contradicts the previous change, and ignores superseded claims", () => {
    const tracks = deriveTracks([
      outcome({ category: "accreditation", date: "2016-05-01", decidingBodyPath: [sca, ganhri], statusBefore: "A", statusAfter: "B" }),
      outcome({ category: "accreditation", date: "2018-05-01", decidingBodyPath: [sca, ganhri], statusBefore: "A", statusAfter: "none", verification: term("SUPERSEDED") }),
      outcome({ category: "accreditation", date: "2019-05-01", decidingBodyPath: [sca, ganhri], statusBefore: "A", statusAfter: "B" }),
    ]);
    const [track] = tracks;
    expect(track!.entries.map((e) => [e.superseded, e.mismatch])).toEqual([[false, false], [true, false], [false, true]]);
    expect(statusOn(track!, "2018-12-31")).toMatchObject({ kind: "known", status: "B" });
  });

  it("a track with only superseded or status-less entries is not shown", () => {
    expect(deriveTracks([outcome({ category: "accreditation", date: "2020-01-01", decidingBodyPath: [sca, ganhri] })])).toEqual([]);
  });
});

describe("[STATUS HISTORY] status on a date", () => {
  const tracks = byBody(deriveTracks(demo()));

  it("1 October 2024: GANHRI accreditation was A or already none (the record gives only the month)", () => {
    expect(statusOn(tracks["accreditation:GANHRI"]!, "2024-10-01")).toMatchObject({ kind: "uncertain", before: "A", after: "none" });
    expect(statusOn(tracks["membership:ENNHRI"]!, "2024-10-01")).toMatchObject({ kind: "known", status: "excluded" });
    expect(statusOn(tracks["membership:IOI"]!, "2024-10-01")).toMatchObject({ kind: "known", status: "revoked" });
    expect(statusOn(tracks["membership:AOM"]!, "2024-10-01")).toMatchObject({ kind: "uncertain", before: "member", after: "excluded" });
  });

  it("before and after an imprecise change the answer is certain", () => {
    expect(statusOn(tracks["accreditation:GANHRI"]!, "2024-09-30")).toMatchObject({ kind: "known", status: "A", since: null });
    expect(statusOn(tracks["accreditation:GANHRI"]!, "2024-10-31")).toMatchObject({ kind: "known", status: "none" });
    expect(statusOn(tracks["accreditation:GANHRI"]!, "2030-01-01")).toMatchObject({ kind: "known", status: "none" });
  });

  it("a change dated to the day counts from that day", () => {
    expect(statusOn(tracks["membership:ENNHRI"]!, "2023-04-10")).toMatchObject({ kind: "known", status: "member" });
    expect(statusOn(tracks["membership:ENNHRI"]!, "2023-04-11")).toMatchObject({ kind: "known", status: "excluded" });
  });

  it("unknown before the first change when its 'before' was not recorded", () => {
    const [track] = deriveTracks([outcome({ category: "membership", date: "2020-06-01", decidingBodyPath: [ioi], statusAfter: "suspended" })]);
    expect(statusOn(track!, "2020-05-31")).toEqual({ kind: "unknown" });
  });

  it("precision windows: month, year, estimated (a month either side)", () => {
    expect(dateWindow("2024-10-01", "MONTH")).toEqual({ from: "2024-10-01", to: "2024-10-31" });
    expect(dateWindow("2022-01-01", "YEAR")).toEqual({ from: "2022-01-01", to: "2022-12-31" });
    expect(dateWindow("2024-10-01", "ESTIMATED")).toEqual({ from: "2024-09-01", to: "2024-11-30" });
    expect(dateWindow("2023-04-11", "DAY")).toEqual({ from: "2023-04-11", to: "2023-04-11" });
  });
});

describe("[STATUS HISTORY] segments for the drawing", () => {
  it("A until September 2024, A or none through October, none since", () => {
    const track = byBody(deriveTracks(demo()))["accreditation:GANHRI"]!;
    expect(segmentsOf(track, "2022-01-01", "2026-11-22")).toEqual([
      { from: "2022-01-01", to: "2024-09-30", status: "A", uncertain: false, before: null },
      { from: "2024-10-01", to: "2024-10-31", status: "none", uncertain: true, before: "A" },
      { from: "2024-11-01", to: "2026-11-22", status: "none", uncertain: false, before: null },
    ]);
  });

  it("a change dated to the day starts the new status that day", () => {
    const track = byBody(deriveTracks(demo()))["membership:ENNHRI"]!;
    expect(segmentsOf(track, "2022-01-01", "2024-01-01")).toEqual([
      { from: "2022-01-01", to: "2023-04-10", status: "member", uncertain: false, before: null },
      { from: "2023-04-11", to: "2024-01-01", status: "excluded", uncertain: false, before: null },
    ]);
  });
});
