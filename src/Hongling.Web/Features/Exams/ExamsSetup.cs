using Hongling.Web.Features.Notifications;

namespace Hongling.Web.Features.Exams;

/// <summary>Registers and maps the exams feature: its two lines in Program.cs.</summary>
public static class ExamsSetup
{
    public static IServiceCollection AddExams(this IServiceCollection services)
    {
        services.AddScoped<Candidacy>();
        services.AddScoped<Questions.QuestionImport>();
        services.AddSingleton<PaperCache>();
        services.AddSingleton<ExamPools>();
        services.AddSingleton<AutosaveWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AutosaveWriter>());
        services.AddSingleton<AttemptWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AttemptWriter>());
        services.AddSingleton<AutoSubmitJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AutoSubmitJob>());
        services.AddReminder<ExamResultReminders>();
        return services;
    }

    /// <summary>The candidates' and graders' JSON API and the exam start.</summary>
    public static IEndpointRouteBuilder MapExams(this IEndpointRouteBuilder app) => app.MapExamsApi().MapExamStart();
}
