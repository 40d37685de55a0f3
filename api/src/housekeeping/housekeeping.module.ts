import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module.js';
import { Housekeeping } from './housekeeping.js';

/** The hourly purge of expired sessions, old failed sign-ins and expired uploads. */
@Module({ imports: [ImportsModule], providers: [Housekeeping] })
export class HousekeepingModule {}
