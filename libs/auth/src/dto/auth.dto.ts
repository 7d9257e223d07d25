import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PersonDto, RoleAssignmentDto } from '@varna/organisation';
import { ROLES, type Role } from '@varna/authz';

export class LoginDto {
  @ApiProperty({ example: 'cecilia.lund' }) @IsString() @Length(1, 200) username: string;
  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 1024) password: string;
  @ApiPropertyOptional({
    example: 'exempelby',
    description: 'Tenant code; needed only if the username exists in several',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tenant?: string;
}

export class LoginUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token for API clients; the browser uses the httpOnly cookie' })
  accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty() expiresAt: string;
  @ApiProperty({
    description: 'Send as X-CSRF-Token on cookie-authenticated writes (also in the varna_csrf cookie)',
  })
  csrfToken: string;
  @ApiProperty({ type: LoginUserDto }) user: LoginUserDto;
}

export class TenantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class MeDto {
  @ApiProperty({ type: PersonDto }) person: PersonDto;
  @ApiProperty({ type: TenantDto }) tenant: TenantDto;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Roles valid today; EMPLOYEE for every account' })
  roles: Role[];
  @ApiProperty({
    type: [RoleAssignmentDto],
    description: 'All own role assignments, including past and future',
  })
  roleAssignments: RoleAssignmentDto[];
}

export class PermissionsDto {
  @ApiProperty({
    description: 'CASL rules packed with @casl/ability/extra packRules',
    type: 'array',
    items: {},
  })
  rules: unknown[];
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 1024) currentPassword: string;
  @ApiProperty({ format: 'password', minLength: 12 }) @IsString() @Length(1, 1024) newPassword: string;
}

export class SetPasswordDto {
  @ApiProperty({ format: 'password', minLength: 12 }) @IsString() @Length(1, 1024) password: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty() lastSeenAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ip: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty() current: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
}

export class RevokedDto {
  @ApiProperty() revoked: number;
}
