import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { SessionInfo } from '../auth.controller.js';
import { ROLES, type Grant, type Role, type Viewer } from '../viewer.js';

type SessionUser = NonNullable<Viewer['user']>;

@ApiSchema({
  name: 'Grant',
  description: 'A role in one town (city_editor, viewer) or in one network (network_member)',
})
export class GrantResponse implements Grant {
  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For city_editor and viewer' })
  cityId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For network_member' })
  networkId: string | null;
}

@ApiSchema({ name: 'SessionUser' })
export class SessionUserResponse implements SessionUser {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ example: 'Anna Schmidt' })
  displayName: string;

  @ApiProperty()
  isAdmin: boolean;

  @ApiProperty({
    description:
      'Signed in with a temporary password: until POST /api/auth/password, every other route answers 403 (`details.reason` `password_change_required`)',
  })
  mustChangePassword: boolean;
}

@ApiSchema({
  name: 'Session',
  description: 'Who is signed in; anonymous callers get `user: null`, no grants and no CSRF token',
})
export class SessionResponse implements SessionInfo {
  @ApiProperty({ type: SessionUserResponse, nullable: true })
  user: SessionUserResponse | null;

  @ApiProperty({ type: [GrantResponse] })
  grants: GrantResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send it as the X-CSRF-Token header with every write; null when anonymous',
  })
  csrfToken: string | null;
}
