import { AttachmentEntity } from './attachment.entity';
import { BurstCountEntity } from './burst-count.entity';
import { OutboxEventEntity, OutboxHeadEntity } from './outbox-event.entity';
import { ReportDetailEntity } from './report-detail.entity';
import { ReportEntity } from './report.entity';
import { ResponseEntity } from './response.entity';
import { TimelineEventEntity } from './timeline-event.entity';

export { AttachmentEntity, BurstCountEntity, OutboxEventEntity, OutboxHeadEntity, ReportDetailEntity, ReportEntity, ResponseEntity, TimelineEventEntity };

export const ENTITIES = [ReportEntity, TimelineEventEntity, OutboxEventEntity, OutboxHeadEntity, ResponseEntity, AttachmentEntity, ReportDetailEntity, BurstCountEntity];
