using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(x => x.Name).HasMaxLength(Site.NameLength);
        b.Property(x => x.Code).HasMaxLength(Site.CodeLength);
        b.Property(x => x.Address).HasMaxLength(Site.AddressLength);
        b.Property(x => x.Volunteers).HasMaxLength(Site.VolunteersLength);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Administrator)
            .WithMany()
            .HasForeignKey(x => x.AdministratorId)
            .OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Operator).WithMany().HasForeignKey(x => x.OperatorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> b)
    {
        b.Property(x => x.Model).HasMaxLength(Equipment.ModelLength);
        b.Property(x => x.Serial).HasMaxLength(Equipment.SerialLength);
        b.HasIndex(x => x.SiteId);
        b.HasOne(x => x.Site).WithMany(s => s.Equipment).HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EquipmentStateChangeConfiguration : IEntityTypeConfiguration<EquipmentStateChange>
{
    public void Configure(EntityTypeBuilder<EquipmentStateChange> b)
    {
        b.Property(x => x.ChangedBy).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(EquipmentStateChange.NoteLength);
        b.HasIndex(x => new { x.EquipmentId, x.ChangedAt });
        b.HasOne(x => x.Equipment)
            .WithMany(e => e.History)
            .HasForeignKey(x => x.EquipmentId)
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SiteMaintenanceConfiguration : IEntityTypeConfiguration<SiteMaintenance>
{
    public void Configure(EntityTypeBuilder<SiteMaintenance> b)
    {
        b.Property(x => x.Work).HasMaxLength(SiteMaintenance.WorkLength);
        b.Property(x => x.Cost).HasPrecision(12, 2);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.SiteId, x.Date });
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TerminalConfiguration : IEntityTypeConfiguration<Terminal>
{
    public void Configure(EntityTypeBuilder<Terminal> b)
    {
        b.Property(x => x.Name).HasMaxLength(Terminal.NameLength);
        b.Property(x => x.KeyHash).HasMaxLength(Terminal.HashLength);
        b.Property(x => x.KeyHint).HasMaxLength(Terminal.HintLength);
        b.Property(x => x.ChainHead).HasMaxLength(Terminal.HashLength);
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.HasIndex(x => x.SiteId);
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ViewingSessionConfiguration : IEntityTypeConfiguration<ViewingSession>
{
    public void Configure(EntityTypeBuilder<ViewingSession> b)
    {
        b.Property(x => x.ClientId).HasMaxLength(ViewingSession.ClientIdLength);
        b.Property(x => x.Courseware).HasMaxLength(ViewingSession.CoursewareLength);
        b.Property(x => x.AttendeeCards).AsJson();
        b.Property(x => x.EnteredBy).HasMaxLength(100);
        b.Property(x => x.PrevHash).HasMaxLength(Terminal.HashLength);
        b.Property(x => x.Hash).HasMaxLength(Terminal.HashLength);
        b.Property(x => x.ChainBreak).HasMaxLength(ViewingSession.BreakLength);
        // A terminal's report is idempotent by its client id; manual entries have no terminal and a fresh id.
        b.HasIndex(x => new { x.TerminalId, x.ClientId }).IsUnique();
        // The monthly figures read a subtree's month (SiteUsageReport, UsageSignals): the index carries every column
        // those queries read, the courseware title included, so they are answered from the index alone (150,000 rows
        // of wide records otherwise fetched one by one from the table). Its (Month, OrgPath) prefix serves the trend.
        b.HasIndex(x => new
            {
                x.Month,
                x.OrgPath,
                x.SiteId,
                x.StartedAt,
                x.EndedAt,
                x.AttendeeCount,
                x.Manual,
                x.Late,
                x.Courseware,
            })
            .HasDatabaseName("IX_ViewingSessions_Month_OrgPath_Figures");
        b.HasIndex(x => new { x.SiteId, x.StartedAt });
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Terminal).WithMany().HasForeignKey(x => x.TerminalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
