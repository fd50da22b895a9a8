import { badInput } from '@pantau/common';
import { REGION_CODE_PATTERN, TOPIC_CODE_PATTERN } from '@pantau/contract';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { ReportsContext } from '../context';
import { BURST_MIN_REPORTS, type BurstKind } from '../domain/bursts';
import { burstsFor } from '../service/bursts';

export enum ReportBurstKind {
  SAME_TEXT = 'SAME_TEXT',
  SAME_REPORTER = 'SAME_REPORTER',
}
registerEnumType(ReportBurstKind, {
  name: 'ReportBurstKind',
  description: 'What the reports of a burst have in common.',
  valuesConfig: {
    SAME_TEXT: { description: 'The same title and body (ignoring case, accents, punctuation and spacing).' },
    SAME_REPORTER: { description: 'The same reporter (e-mail address, or phone number when there is none).' },
  },
});

@ObjectType({ description: `At least ${BURST_MIN_REPORTS} near-identical reports on one day: only how many, never which or from whom.` })
export class ReportBurst {
  @Field(() => String, { description: 'The day (YYYY-MM-DD, reporting time zone).' })
  day: string;

  @Field(() => ReportBurstKind, { description: 'What the reports have in common.' })
  kind: BurstKind;

  @Field(() => Int, { description: 'Reports in the burst.' })
  count: number;
}

/** Longest period one request may scan (a year and a bit: the dashboard's longest trend range). */
export const MAX_BURST_DAYS = 400;
const DAY_MS = 86_400_000;

@Resolver()
export class BurstResolver {
  @Query(() => [ReportBurst], {
    nullable: true,
    description: `Bursts of near-identical reports submitted in [from, to) (at most ${MAX_BURST_DAYS} days): per day, ${BURST_MIN_REPORTS} or more with the same text or from the same reporter; counts only, for anyone. The dashboard annotates trend spikes with them.`,
  })
  async reportBursts(
    @Arg('from', () => Date, { description: 'Inclusive lower bound on submittedAt.' }) from: Date,
    @Arg('to', () => Date, { description: 'Exclusive upper bound on submittedAt.' }) to: Date,
    @Arg('regionCode', () => String, { nullable: true, description: 'Region code or an ancestor, e.g. "64.02".' }) regionCode: string | null,
    @Arg('agencyId', () => ID, { nullable: true, description: 'Only reports routed to this agency.' }) agencyId: string | null,
    @Arg('topic', () => String, { nullable: true, description: 'Only reports on this service topic code.' }) topic: string | null,
    @Ctx() ctx: ReportsContext,
  ) {
    const days = (to.getTime() - from.getTime()) / DAY_MS;
    if (!(days > 0 && days <= MAX_BURST_DAYS)) throw badInput('OUT_OF_RANGE', { field: 'days', min: 1, max: MAX_BURST_DAYS });
    if (regionCode && !REGION_CODE_PATTERN.test(regionCode)) throw badInput('INVALID_REGION_CODE', { field: 'regionCode' });
    if (topic && !TOPIC_CODE_PATTERN.test(topic)) throw badInput('INVALID_TOPIC_CODE', { field: 'topic' });
    return burstsFor(ctx.ds, ctx.service.calendar)({ from, to, regionCode, agencyId, topic });
  }
}
