import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable, PageQuery } from '@varna/core';
import { PERSON_STATUSES, type PersonStatus } from '../person.entity';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,99}$/;

export class CreatePersonDto {
  @ApiProperty({
    example: 'anna.svensson',
    description: 'Letters, digits, dot, dash, underscore; stored in lower case (sign-in ignores case)',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @Matches(USERNAME, {
    message: 'username: 2–100 tecken, gemener, siffror, punkt, bindestreck eller understreck',
  })
  username: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) displayName: string;
  @ApiProperty({ maxLength: 320 }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() homeOrgUnitId: string;
  @ApiPropertyOptional({ maxLength: 40 }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ maxLength: 40 }) @IsOptional() @IsString() @MaxLength(40) employeeNumber?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() hasOwnComputer?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isElected?: boolean;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalOrganisation?: string;
}

export class UpdatePersonDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOmittable() @IsString() @Length(1, 200) displayName?: string;
  @ApiPropertyOptional({ maxLength: 320 }) @IsOmittable() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() homeOrgUnitId?: string;
  @ApiPropertyOptional({ maxLength: 40, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;
  @ApiPropertyOptional({ maxLength: 40, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  employeeNumber?: string | null;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() hasOwnComputer?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() isElected?: boolean;
  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalOrganisation?: string | null;
  @ApiPropertyOptional({ enum: PERSON_STATUSES, description: 'INACTIVE closes the account' })
  @IsOmittable()
  @IsIn(PERSON_STATUSES)
  status?: PersonStatus;
}

export class ListPersonsQueryDto extends PageQuery(50, 500) {
  @ApiPropertyOptional({ description: 'Search in username, name and e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Home unit (exact)' })
  @IsOptional()
  @IsUUID()
  homeOrgUnitId?: string;

  @ApiPropertyOptional({ enum: [...PERSON_STATUSES, 'ALL'], default: 'ALL' })
  @IsOptional()
  @IsIn([...PERSON_STATUSES, 'ALL'])
  status?: PersonStatus | 'ALL';
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) employeeNumber: string | null;
  @ApiProperty({ format: 'uuid' }) homeOrgUnitId: string;
  @ApiProperty() hasOwnComputer: boolean;
  @ApiProperty() isElected: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) externalOrganisation: string | null;
  @ApiProperty({ enum: PERSON_STATUSES }) status: PersonStatus;
  @ApiProperty() version: number;
}

export class PersonListDto {
  @ApiProperty({ type: [PersonDto] }) items: PersonDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
