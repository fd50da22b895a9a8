import { Ctx, Query, Resolver } from 'type-graphql';
import { Topic } from '../entities/topic.entity';
import type { AgenciesContext } from '../context';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => [Topic], { description: 'Service topics complaints are filed under.' })
  topics(@Ctx() ctx: AgenciesContext) {
    return ctx.registry.topics();
  }
}
