import { Module } from '@nestjs/common';
import { WalkController } from './walk.controller.js';
import { WalkRepository } from './walk.repository.js';

/** The site walk: the town's streets with the units due for an on-site check. */
@Module({ controllers: [WalkController], providers: [WalkRepository] })
export class WalkModule {}
