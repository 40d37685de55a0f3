import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { GrantResponse, SessionUserResponse } from '../../auth/dto/session.response.js';
import type { User } from '../users.repository.js';

const TEMPORARY_PASSWORD = {
  description: 'Shown only in this answer: pass it to the user over a safe channel',
} as const;

@ApiSchema({ name: 'User', description: 'An account and its roles' })
export class UserResponse extends SessionUserResponse implements User {
  @ApiProperty({ description: 'A disabled account cannot sign in' })
  disabled: boolean;

  @ApiProperty({ type: [GrantResponse] })
  grants: GrantResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'integer', description: 'Send it back with a change (optimistic locking)' })
  version: number;
}

@ApiSchema({ name: 'CreatedUser', description: 'The new account and its first password' })
export class CreatedUserResponse {
  @ApiProperty({ type: UserResponse })
  user: UserResponse;

  @ApiProperty(TEMPORARY_PASSWORD)
  temporaryPassword: string;
}

@ApiSchema({ name: 'TemporaryPassword' })
export class TemporaryPasswordResponse {
  @ApiProperty(TEMPORARY_PASSWORD)
  temporaryPassword: string;
}
