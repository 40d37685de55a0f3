import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../password.js';

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password signed in with (the temporary one after a reset)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: 200,
    description: 'Different from the current one',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  })
  @MaxLength(200)
  newPassword: string;
}
